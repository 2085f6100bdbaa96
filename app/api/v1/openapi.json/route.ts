import { buildOpenApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, public so client generators can fetch it. */
export function GET(request: Request) {
  return Response.json(buildOpenApiDocument(new URL(request.url).origin));
}
