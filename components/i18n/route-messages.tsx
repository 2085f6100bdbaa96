import { getMessages } from 'next-intl/server';
import { pickMessages, ROUTE_CLIENT_NAMESPACES, type ClientMessagesPrefix } from '@/lib/i18n/client-messages';
import { MergeClientMessages } from './merge-client-messages';

/**
 * Adds the client messages the pages under `prefix` read (ROUTE_CLIENT_NAMESPACES) to the ones the
 * layouts above give. Rendered by the layout at that URL prefix, around its children; the
 * client-messages test checks that the prefix is that layout's own URL.
 */
export async function RouteClientMessages({
  prefix,
  children,
}: {
  prefix: ClientMessagesPrefix;
  children: React.ReactNode;
}) {
  const messages = pickMessages(await getMessages(), ROUTE_CLIENT_NAMESPACES[prefix]);
  return <MergeClientMessages messages={messages}>{children}</MergeClientMessages>;
}
