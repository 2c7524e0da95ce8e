// The popup's phrase guard calls: the sites where the guard is off, and turning it back on.
import * as phraseGuard from '../wallet/phrase-guard.js';
import { text } from './params.js';

export const PHRASE_GUARD_METHODS = {
  phraseGuardSites: async () => ({ disabledOrigins: await phraseGuard.disabledOrigins() }),
  phraseGuardEnable: async ({ origin }) => {
    await phraseGuard.setOff(text(origin, 'a site'), false);
    return { disabledOrigins: await phraseGuard.disabledOrigins() };
  },
};
