// The encrypted backup file's format. Its top level IS the stored browser-passworder vault
// (data, iv, salt, keyMetadata), so MetaMask's vault decryptor and browser-passworder's
// `decrypt(password, fileText)` open it as it is and find MetaMask's keyring list (imported
// keys included). One more field, `keystead`, carries the wallet's own settings encrypted
// under the same password with their own salt and IV, in the same browser-passworder format
// (sealed and opened by the core: core.js's sealJson / openJson):
//   { format: "keystead-backup", version: 1, createdAt: <ISO date>, settings: <passworder JSON object> }
import { sealJson, openJson } from './core.js';
import { userError } from '../../shared/wallet-errors.js';

export const FORMAT = 'keystead-backup';
export const VERSION = 1;
const MAX_BYTES = 5_000_000; // far above any real wallet; refuses a wrong pick before parsing it

const VAULT_FIELDS = ['data', 'iv', 'salt', 'keyMetadata'];

/** The file's text for a stored vault and the settings to carry (encrypted here). */
export async function buildFile(vaultJson, password, settings, createdAt) {
  const encrypted = JSON.parse(await sealJson(password, settings));
  return JSON.stringify({ ...JSON.parse(vaultJson), keystead: { format: FORMAT, version: VERSION, createdAt, settings: encrypted } }, null, 2);
}

const isPayload = (v) => typeof v === 'object' && v !== null && ['data', 'iv', 'salt'].every((k) => typeof v[k] === 'string' && v[k].length > 0);

/**
 * `{ vault: <vault JSON text>, settings: <encrypted payload> | null }` from a file's text, or
 * INVALID_ARGUMENT saying what is wrong with the file. A plain MetaMask vault (no `keystead`
 * field) gives settings null. Nothing is decrypted here.
 */
export function parseFile(text) {
  if (text.length > MAX_BYTES) throw userError('error_backup_file_too_large');
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    throw userError('error_backup_file_not_json');
  }
  if (!isPayload(file)) {
    throw userError('error_backup_file_no_vault');
  }
  const vault = {};
  for (const k of VAULT_FIELDS) if (file[k] !== undefined) vault[k] = file[k];
  if (file.keystead === undefined) return { vault: JSON.stringify(vault), settings: null };
  const meta = file.keystead;
  if (meta?.format !== FORMAT || !isPayload(meta.settings)) {
    throw userError('error_backup_file_format');
  }
  if (meta.version !== VERSION) {
    throw userError('error_backup_file_version', { version: String(meta.version).slice(0, 10) });
  }
  return { vault: JSON.stringify(vault), settings: meta.settings };
}

/**
 * The file's decrypted settings. The password already opened the file's vault, so failing here
 * means the settings part was altered or damaged, not a wrong password.
 */
export async function openSettings(password, settings) {
  try {
    return await openJson(password, settings);
  } catch {
    throw userError('error_backup_file_settings_password');
  }
}
