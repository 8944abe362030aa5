/** Turns a failed month download into a message that says what to do about it. */
export function monthFailure(
  force: string,
  month: string,
  result: { error: string; status?: number; attempts: number; gaveUp: boolean }
): string {
  const tries = result.gaveUp ? ` after ${result.attempts} attempts` : '';
  switch (result.status) {
    case 404:
      return `${result.error}: data.police.uk does not know force '${force}' for ${month}; check the force id (e.g. 'metropolitan').`;
    case 500:
    case 503:
      return (
        `${result.error}${tries}: data.police.uk answers ${result.status} when a month has too many records for the API ` +
        `(over 10,000) or when it is overloaded; try again later, or use the bulk download at https://data.police.uk/data/.`
      );
    case 429:
      return `${result.error}${tries}: data.police.uk is limiting our requests; try again later with fewer requests per second.`;
    default:
      return `${result.error}${tries}.`;
  }
}
