import { json } from '@sveltejs/kit';
import { openApiDocument } from '$core/api/openapi.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => json(openApiDocument(url.origin));
