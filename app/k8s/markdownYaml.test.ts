import { describe, expect, it } from 'vitest';
import { extractYamlBlocks } from './markdownYaml.ts';

describe('extractYamlBlocks', () => {
  it('takes yaml and unlabelled fences, skips shell ones and blanks $ prompts', () => {
    const md = [
      'Intro',
      '```yaml',
      'kind: Pod',
      '```',
      '```bash',
      'kubectl get pods',
      '```',
      '```',
      'spec:',
      '  x: 1',
      '$ kubectl apply -f x.yaml',
      '```',
      '```',
      '$ kubectl create configmap a',
      '```',
    ].join('\n');
    expect(extractYamlBlocks(md)).toEqual([
      { line: 3, lang: 'yaml', text: 'kind: Pod' },
      { line: 9, lang: '', text: 'spec:\n  x: 1\n' },
    ]);
  });

  it('dedents a fence inside a list item, expanding tabs to 4 columns', () => {
    const md = '* exec:\n  ```yaml\n\tspec:\n\t  containers: []\n  ```\n';
    expect(extractYamlBlocks(md)).toEqual([
      { line: 3, lang: 'yaml', text: '  spec:\n    containers: []' },
    ]);
  });

  it('finds unfenced manifests that start with apiVersion or kind', () => {
    const md = 'Text\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n\nMore text\n';
    expect(extractYamlBlocks(md)).toEqual([
      { line: 2, lang: '', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n' },
    ]);
  });
});
