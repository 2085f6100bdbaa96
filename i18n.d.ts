import type messages from './messages/en';
import type { AppFormats } from './lib/i18n/formats';

// Typed message keys and format names: t('shell.nav.dashboard') is checked by the compiler.
declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof messages;
    Formats: AppFormats;
  }
}
