import { groupings } from '../police-data/ethnicity.ts';

/**
 * The OpenAPI 3.1 description of the public JSON API. A test checks that every endpoint under
 * src/routes/api has a path here, so a new endpoint cannot go undocumented.
 */
const figureParams = [
  { name: 'area', in: 'query', required: true, description: 'Borough, ward or LSOA GSS code or name (e.g. E09000012, Hackney), or a force id (metropolitan).', schema: { type: 'string' } },
  { name: 'from', in: 'query', required: true, description: 'First day, month, quarter or year, London local time: YYYY-MM-DD, YYYY-MM, YYYY-Qn (e.g. 2024-Q1) or YYYY.', schema: { type: 'string' } },
  { name: 'to', in: 'query', required: false, description: 'Last month or day (default: the end of `from`).', schema: { type: 'string' } },
  { name: 'grouping', in: 'query', required: false, schema: { type: 'string', enum: [...groupings], default: 'census2021' } },
  { name: 'ethnicity', in: 'query', required: false, description: 'Self-defined or officer-defined ethnicity.', schema: { type: 'string', enum: ['self', 'officer'], default: 'self' } },
  { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }
];

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

const interval = { type: ['array', 'null'], items: { type: 'number' }, minItems: 2, maxItems: 2 };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Scrutineer API',
      version: '1',
      description: 'Public figures on police stop and search, from data.police.uk, ONS Census 2021 and ONS mid-2020 ward population estimates (Open Government Licence v3.0). Definitions: METRICS.md.'
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/status': { get: { summary: 'What data is loaded', responses: { '200': { description: 'The data status', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/api/v1/figures': {
        get: {
          summary: 'Every figure of an area and period',
          parameters: figureParams,
          responses: {
            '200': {
              description: 'The figure set (or CSV with ?format=csv)',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/FigureSet' } }, 'text/csv': { schema: { type: 'string' } } }
            },
            '400': errorResponse('A parameter is not valid'),
            '404': errorResponse('No such area, or no data for the period'),
            '503': errorResponse('The query took too long')
          }
        }
      },
      '/api/v1/unusual': {
        get: {
          summary: 'Unusual days of an area and its wards',
          parameters: figureParams.filter((p) => ['area', 'from', 'to', 'format'].includes(p.name)),
          responses: {
            '200': {
              description: 'Unusual days, most unusual first',
              content: {
                'application/json': { schema: { type: 'object', properties: { days: { type: 'array', items: { $ref: '#/components/schemas/UnusualDay' } } } } },
                'text/csv': { schema: { type: 'string' } }
              }
            },
            '400': errorResponse('A parameter is not valid'),
            '404': errorResponse('No such area')
          }
        }
      },
      '/api/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } }
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message', 'details'], properties: { code: { type: 'string', enum: ['invalid', 'not_found', 'forbidden', 'conflict', 'unavailable', 'internal'] }, message: { type: 'string' }, details: { type: 'object' } } } }
        },
        Area: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, level: { type: 'string', enum: ['force', 'borough', 'ward', 'lsoa'] } } },
        Figure: {
          type: 'object',
          required: ['metric', 'area', 'period', 'group', 'numerator', 'denominator', 'value', 'ci95', 'coverage', 'flags', 'method', 'sources'],
          properties: {
            metric: {
              type: 'string',
              description:
                "A metric of METRICS.md (docs/figures.md). rate_per_1000: by ethnic group for boroughs and forces (Census 2021); for a ward, one figure with group null: searches per 1,000 of all residents (ONS mid-2020 ward estimates) where the ward's boundary is unchanged since 2020, else value null, flag no_population and the reason in method"
            },
            area: { $ref: '#/components/schemas/Area' },
            period: { type: 'object', properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
            group: { type: ['object', 'null'], properties: { dimension: { type: 'string' }, value: { type: 'string' }, grouping: { type: ['string', 'null'] } } },
            numerator: { type: 'number' },
            denominator: { type: ['number', 'null'] },
            value: { type: ['number', 'null'], description: 'null when suppressed (numerator below 10), not recorded or without a population (no_population)' },
            ci95: interval,
            coverage: { type: ['object', 'null'], properties: { known: { type: 'integer' }, total: { type: 'integer' } } },
            flags: { type: 'array', items: { type: 'string', enum: ['suppressed', 'low_count', 'not_recorded', 'no_population', 'no_comparison', 'partial_period'] } },
            method: { type: 'string' },
            sources: { type: 'array', items: { type: 'string' } },
            comparison: { type: 'object', properties: { vs: { const: 'white' }, difference: { type: ['number', 'null'] }, ci95: interval } }
          }
        },
        FigureSet: { type: 'object', properties: { context: { type: 'object' }, figures: { type: 'array', items: { $ref: '#/components/schemas/Figure' } } } },
        UnusualDay: {
          type: 'object',
          properties: {
            area: { $ref: '#/components/schemas/Area' },
            date: { type: 'string', format: 'date' },
            count: { type: 'integer' },
            baseline: { type: 'number' },
            ratio: { type: ['number', 'null'] },
            p: { type: 'number' },
            baselineDays: { type: 'integer' },
            makeup: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } }
          }
        }
      }
    }
  };
}
