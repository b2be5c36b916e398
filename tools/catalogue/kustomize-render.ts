/**
 * deploy/k8s rendered as `kubectl kustomize deploy/k8s` renders it, without kubectl (CI has none):
 * the resources listed, the ConfigMaps generated under their content-hashed names (and every
 * reference to them renamed), the common labels and the image. Only what this base uses; anything
 * else in kustomization.yaml is refused, so that the rendering never silently differs from
 * kustomize's (kustomize-render.spec.ts compares the two wherever kubectl is installed).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object: its kind and name, and whatever else its kind holds. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** The parts of a pod template the rendering changes. */
interface PodSpec {
  initContainers?: Container[];
  containers?: Container[];
  volumes?: { configMap?: { name: string } }[];
}
interface Container {
  image: string;
  envFrom?: { configMapRef?: { name: string } }[];
  env?: { valueFrom?: { configMapKeyRef?: { name: string } } }[];
}

interface Kustomization {
  apiVersion: string;
  kind: 'Kustomization';
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  configMapGenerator?: { name: string; literals?: string[] }[];
}

const UNDERSTOOD = new Set(['apiVersion', 'kind', 'resources', 'labels', 'images', 'configMapGenerator']);

/** The objects `kubectl kustomize <folder>` prints, in the order of their sources (kustomize sorts its output; compare as sets). */
export function renderKustomization(folder: string): KubernetesObject[] {
  const kustomization = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((key) => !UNDERSTOOD.has(key));
  if (unknown.length > 0)
    throw new Error(`kustomize-render does not render ${unknown.join(', ')}: teach it, or render with kubectl`);

  const generated = (kustomization.configMapGenerator ?? []).map(generatedConfigMap);
  const generatedName = new Map(generated.map(({ name, object }) => [name, object.metadata.name]));
  const objects: KubernetesObject[] = [
    ...generated.map(({ object }) => object),
    ...(kustomization.resources ?? []).flatMap((resource) =>
      parseAllDocuments(readFileSync(join(folder, resource), 'utf8')).map(
        (document) => document.toJSON() as KubernetesObject,
      ),
    ),
  ];

  for (const object of objects) {
    for (const { pairs, includeSelectors, includeTemplates } of kustomization.labels ?? []) {
      if (includeSelectors || includeTemplates) throw new Error('kustomize-render adds labels to metadata only');
      object.metadata.labels = { ...object.metadata.labels, ...pairs };
    }
    const pod = podSpec(object);
    for (const container of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
      container.image = newImage(container.image, kustomization.images ?? []);
      for (const source of container.envFrom ?? []) renameConfigMap(source.configMapRef, generatedName);
      for (const variable of container.env ?? []) renameConfigMap(variable.valueFrom?.configMapKeyRef, generatedName);
    }
    for (const volume of pod?.volumes ?? []) renameConfigMap(volume.configMap, generatedName);
  }
  return objects;
}

/** A generated ConfigMap, named as kustomize names it: `<name>-<hash of its content>`, so that a change of setting rolls the pods. */
function generatedConfigMap(generator: { name: string; literals?: string[] }): {
  name: string;
  object: KubernetesObject;
} {
  const data = Object.fromEntries(
    (generator.literals ?? []).map((literal) => {
      const equals = literal.indexOf('=');
      return [literal.slice(0, equals), literal.slice(equals + 1)];
    }),
  );
  return {
    name: generator.name,
    object: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${generator.name}-${configMapHash(data)}` },
      data,
    },
  };
}

/**
 * Kustomize's name suffix for a generated ConfigMap (sigs.k8s.io/kustomize/api/hasher): the SHA-256
 * of the JSON of its kind, data and (empty, at the time it is hashed) name, keys sorted, the first
 * ten hex digits with 0, 1, 3, a and e replaced (to keep vowels and look-alike digits out of names).
 */
export function configMapHash(data: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const encoded = JSON.stringify({ data: sorted, kind: 'ConfigMap', name: '' });
  const replaced: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return createHash('sha256')
    .update(encoded)
    .digest('hex')
    .slice(0, 10)
    .replace(/[013ae]/g, (digit) => replaced[digit]);
}

/** The pod template of a workload (a Deployment here), if the object has one. */
function podSpec(object: KubernetesObject): PodSpec | undefined {
  return (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
}

function newImage(image: string, images: NonNullable<Kustomization['images']>): string {
  const [name, tag] = image.split(':');
  const rule = images.find((candidate) => candidate.name === name);
  if (!rule) return image;
  return `${rule.newName ?? name}${(rule.newTag ?? tag) ? `:${rule.newTag ?? tag}` : ''}`;
}

function renameConfigMap(reference: { name?: string } | undefined, generatedName: Map<string, string>): void {
  if (reference?.name && generatedName.has(reference.name)) reference.name = generatedName.get(reference.name)!;
}
