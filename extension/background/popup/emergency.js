// Popup methods for the emergency move (background/wallet/emergency.js): the new phrase, its
// confirmation, the plan, the start on the password, progress from the stored record, the
// report. Merged into the worker's popup method table by popup/api.js. The new phrase goes out
// only from emergencyPhrase, after the core re-checked the password.
import * as emergency from '../wallet/emergency.js';
import { text } from './params.js';

export const EMERGENCY_METHODS = Object.freeze({
  /** → the stored move without secrets, or null; a running move goes on. */
  emergencyStatus: () => emergency.status(),
  /** `{ password, wordCount? }` → `{ pairs }`: the new phrase is made and held aside. */
  emergencyBegin: ({ password, wordCount }) => emergency.begin({ password: text(password, 'a password'), wordCount }),
  /** `{ password }` → `{ words }`: the new phrase, to write down. */
  emergencyPhrase: ({ password }) => emergency.phrase(text(password, 'a password')),
  /** `{ phrase }` → `{ ok }`. */
  emergencyConfirmPhrase: ({ phrase }) => emergency.confirmPhrase(text(phrase, 'the phrase')),
  /** → `{ plan, unmovable }`. */
  emergencyPlan: () => emergency.plan(),
  /** `{ password }` → the running move. */
  emergencyStart: ({ password }) => emergency.start(text(password, 'a password')),
  /** → `{ name, text }`: the report file. */
  emergencyReport: () => emergency.report(),
  emergencyAbandon: () => emergency.abandon(),
});
