import type { Messages } from 'next-intl';
import account from './account.json';
import admin from './admin.json';
import auth from './auth.json';
import cases from './cases.json';
import charts from './charts.json';
import common from './common.json';
import customers from './customers.json';
import dashboard from './dashboard.json';
import defects from './defects.json';
import emails from './emails.json';
import enums from './enums.json';
import errors from './errors.json';
import feedback from './feedback.json';
import imports from './imports.json';
import inbox from './inbox.json';
import interactions from './interactions.json';
import log from './log.json';
import metrics from './metrics.json';
import myWork from './myWork.json';
import notifications from './notifications.json';
import portfolio from './portfolio.json';
import shell from './shell.json';
import ui from './ui.json';
import unsubscribe from './unsubscribe.json';
import validation from './validation.json';
import voice from './voice.json';

/* One JSON file per namespace (docs/i18n.md); add a namespace here and in every language. */
const messages: Messages = {
  account,
  admin,
  auth,
  cases,
  charts,
  common,
  customers,
  dashboard,
  defects,
  emails,
  enums,
  errors,
  feedback,
  imports,
  inbox,
  interactions,
  log,
  metrics,
  myWork,
  notifications,
  portfolio,
  shell,
  ui,
  unsubscribe,
  validation,
  voice,
};

export default messages;
