import 'server-only';
import { getRequestValidationTranslator } from '@/lib/i18n/reader';
import { problem, type ProblemError } from './problem';

/**
 * A problem answered to a person: the routes the app's own pages call (exports, the customer
 * search, the QR codes). Its detail and errors are message references (lib/validation/messages.ts)
 * said in the reader's language, as guardedAction says a server action's; the HTTP API's problem()
 * says them in English.
 */
export async function readerProblem(
  status: number,
  title: string,
  detail?: string,
  errors?: ProblemError[],
): Promise<Response> {
  const t = await getRequestValidationTranslator();
  return problem(
    status,
    title,
    detail === undefined ? undefined : t.message(detail),
    errors?.map((error) => ({ ...error, message: t.message(error.message) })),
  );
}
