import { getDb } from '@/db';
import { caseProofJson, caseSummaryJson } from '@/lib/api/cases';
import { problem } from '@/lib/api/problem';
import { authorizeRequest } from '@/lib/auth/request-auth';
import { getCaseProof } from '@/lib/cases/proof';
import { getCase } from '@/lib/queries/cases';
import { getCompanySettings } from '@/lib/settings/company';
import { caseIdSchema } from '@/lib/validation/cases';
import { apiRoute } from '@/lib/api/admission';

export const dynamic = 'force-dynamic';

/** GET /api/v1/cases/{id}: one case with the proof of its corrective action, as its page shows it. */
export const GET = apiRoute(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(request, { scope: 'metrics:read', permission: 'viewDashboard' });
  if ('response' in auth) return auth.response;
  const parsed = caseIdSchema.safeParse(await params);
  if (!parsed.success) return problem(404, 'Not Found', 'No case has that id.');
  const row = await getCase({ id: parsed.data.id, viewer: { id: '', role: 'manager' } });
  if (!row) return problem(404, 'Not Found', 'No case has that id.');
  const [proof, { currency }] = await Promise.all([getCaseProof(await getDb(), row), getCompanySettings()]);
  // The proof's costs are plain numbers in the company's currency, stated once.
  return Response.json({ data: { ...caseSummaryJson(row), currency, proof: proof ? caseProofJson(proof) : null } });
});
