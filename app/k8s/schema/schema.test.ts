import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validator } from './validateSchema.ts';

const schemaFile = fileURLToPath(new URL('./k8s.schema.json', import.meta.url));
const genScript = fileURLToPath(new URL('./gen.mjs', import.meta.url));

describe('k8s.schema.json', () => {
  it('is the current output of gen.mjs (run `npm run gen:schema` after bumping kubernetes-types)', () => {
    // A child process: plain Node runs the generator in ~2.5 s, three times faster than inside Vitest.
    const fresh = execFileSync(process.execPath, [genScript, '--stdout'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(fresh).toBe(readFileSync(schemaFile, 'utf8'));
  }, 20_000);

  it('keeps field descriptions, marks ints as integer and dispatches on kind', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      $ref: string;
      definitions: Record<
        string,
        { properties?: Record<string, Record<string, unknown>>; required?: string[] }
      >;
    };
    expect(schema.$ref).toBe('#/definitions/Document');
    const probe = schema.definitions.Probe?.properties;
    expect(probe?.periodSeconds).toMatchObject({ type: 'integer' });
    expect(String(probe?.periodSeconds?.description)).toContain('How often (in seconds)');
    expect(schema.definitions.HTTPGetAction?.properties?.port).toMatchObject({
      type: ['integer', 'string'],
    });
    expect(schema.definitions.PodSpec?.required).toContain('containers');
    expect(schema.definitions.Scenario?.properties?.apiVersion).toMatchObject({
      const: 'podlab.dev/v1',
    });
  });

  it('compiles once and validates each kind against its own definition', () => {
    const v = validator();
    expect(validator()).toBe(v);
    expect(
      v({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } }),
    ).toBe(true);
    expect(v({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, spec: {} })).toBe(
      false,
    );
    expect(v.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'spec' },
    });
    // Kinds we do not simulate are not validated by the schema (they get a warning instead).
    expect(v({ apiVersion: 'batch/v1', kind: 'CronJob', spec: { anything: 1 } })).toBe(true);
  });
});
