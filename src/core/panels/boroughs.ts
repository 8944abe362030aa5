/**
 * London's 33 local authorities, the areas a panel can serve (one panel per borough). Codes are the
 * ONS GSS codes; slugs are the borough in URLs (/w/hackney, /b/tower-hamlets).
 */
export interface Borough {
  code: string;
  name: string;
  slug: string;
}

const names = [
  'City of London', 'Barking and Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'Croydon',
  'Ealing', 'Enfield', 'Greenwich', 'Hackney', 'Hammersmith and Fulham', 'Haringey', 'Harrow', 'Havering',
  'Hillingdon', 'Hounslow', 'Islington', 'Kensington and Chelsea', 'Kingston upon Thames', 'Lambeth',
  'Lewisham', 'Merton', 'Newham', 'Redbridge', 'Richmond upon Thames', 'Southwark', 'Sutton',
  'Tower Hamlets', 'Waltham Forest', 'Wandsworth', 'Westminster'
];

/** "Hammersmith and Fulham" -> "hammersmith-and-fulham". */
export const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** E09000001 (City of London) to E09000033 (Westminster), in code order. */
export const londonBoroughs: readonly Borough[] = names.map((name, i) => ({
  code: `E09${String(i + 1).padStart(6, '0')}`,
  name,
  slug: slugify(name)
}));

export function boroughByCode(code: string): Borough | undefined {
  return londonBoroughs.find((b) => b.code === code);
}
