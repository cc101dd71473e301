import { describe, expect, it } from 'vitest';
import { parseImageRef } from './reference.ts';
import { inspectImage } from './index.ts';

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['ikubernetes/myapp:v1', 'docker.io/ikubernetes/myapp:v1'],
    ['k8s.gcr.io/busybox', 'k8s.gcr.io/busybox:latest'],
    ['localhost:5000/app:dev', 'localhost:5000/app:dev'],
    ['docker.io/library/busybox:1.28', 'docker.io/library/busybox:1.28'],
  ])('%s → %s', (image, ref) => {
    expect(parseImageRef(image)).toMatchObject({ ok: true, ref });
  });

  it('rejects invalid references with the kubelet wording', () => {
    expect(parseImageRef('Nginx')).toEqual({
      ok: false,
      message:
        'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name must be lowercase',
    });
    expect(parseImageRef('nginx:bad tag').ok).toBe(false);
  });
});

describe('inspectImage', () => {
  it('finds catalogue images with pull time, size and presence', () => {
    expect(inspectImage('busybox:1.28')).toEqual({
      found: true,
      ref: 'docker.io/library/busybox:1.28',
      pullMs: 1200,
      sizeBytes: 4_270_000,
      presentOnNode: true,
    });
    expect(inspectImage('tomcat:7.0')).toMatchObject({ found: true, presentOnNode: false });
    for (const image of [
      'myapp:v1',
      'registry.k8s.io/liveness',
      'k8s.gcr.io/goproxy:0.1',
      'polinux/stress',
      'redis',
      'postgres:16',
      'sample:v2',
      'k8s.gcr.io/pause:3.9',
      'alpine:3.20',
    ]) {
      expect(inspectImage(image).found, image).toBe(true);
    }
  });

  it('an unknown tag of a known repository is NotFound (ErrImagePull), as containerd says', () => {
    expect(inspectImage('nginx:doesnotexist')).toEqual({
      found: false,
      ref: 'docker.io/library/nginx:doesnotexist',
      pullMs: 1000,
      reason: 'ErrImagePull',
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    });
  });

  it('an unknown Docker Hub repository is "pull access denied"', () => {
    expect(inspectImage('nosuchuser/nosuchimage:1')).toMatchObject({
      found: false,
      reason: 'ErrImagePull',
      message: expect.stringContaining(
        'pull access denied, repository does not exist or may require authorization',
      ),
    });
  });

  it('an invalid name is InvalidImageName', () => {
    expect(inspectImage('UPPER/case')).toMatchObject({ found: false, reason: 'InvalidImageName' });
  });
});
