/** ConfigMap and Secret rules: names, data keys (IsConfigMapKey), Secret data must be base64. */
import type { Issues } from '../issues.ts';
import { asRecord, type JsonObject } from '../json.ts';
import { base64Decode } from '../secret.ts';
import { validateObjectMeta } from './meta.ts';
import { isDNS1123Subdomain } from './names.ts';

const KEY_RE = /^[-._a-zA-Z0-9]+$/;
const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function validateKeys(data: JsonObject | undefined, field: string, issues: Issues): void {
  for (const k of Object.keys(data ?? {})) {
    if (!KEY_RE.test(k)) issues.invalid([field], k, KEY_MSG);
    if (k.length > 253) issues.invalid([field], k, 'must be no more than 253 characters');
  }
}

export function validateConfigMap(cm: JsonObject, issues: Issues): void {
  validateObjectMeta(cm, isDNS1123Subdomain, issues);
  validateKeys(asRecord(cm.data), 'data', issues);
  validateKeys(asRecord(cm.binaryData), 'binaryData', issues);
}

/** Run before stringData is merged, so errors point at what the user wrote. */
export function validateSecret(secret: JsonObject, issues: Issues): void {
  validateObjectMeta(secret, isDNS1123Subdomain, issues);
  const data = asRecord(secret.data);
  validateKeys(data, 'data', issues);
  validateKeys(asRecord(secret.stringData), 'stringData', issues);
  for (const [k, v] of Object.entries(data ?? {})) {
    if (typeof v !== 'string') continue;
    const r = base64Decode(v);
    if ('error' in r) issues.invalid(['data', k], v, r.error);
  }
}
