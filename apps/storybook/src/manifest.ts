/** The parts of a custom-elements manifest (schema 2.x) that Storybook's docs and controls read. */
interface Member {
  kind: string;
  name: string;
  description?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  [key: string]: unknown;
}
export interface Manifest {
  schemaVersion: string;
  modules: { declarations?: Declaration[]; [key: string]: unknown }[];
}

/** A settable public property: what a control can drive. */
const isPublicProperty = (member: Member) =>
  member.kind === 'field' && (member.privacy ?? 'public') === 'public' && !member.static && !member.readonly;

/**
 * Every package's manifest as one (Storybook takes one), reduced to each element's public API: the
 * analyzer also lists private and static fields, which are no controls. An attribute that mirrors a
 * property is folded into that property's row, so `contact-id` and `contactId` are one row.
 */
export function publicManifest(...manifests: Manifest[]): Manifest {
  return {
    schemaVersion: manifests[0]?.schemaVersion ?? '2.1.0',
    modules: manifests.flatMap((manifest) =>
      manifest.modules.map((module) => ({
        ...module,
        declarations: module.declarations?.map((declaration) => {
          if (!declaration.tagName) return declaration;
          const members = (declaration.members ?? []).filter(isPublicProperty).map((member) =>
            member.attribute
              ? {
                  ...member,
                  description: `${member.description ?? ''} Attribute: \`${member.attribute}\`.`.trim(),
                }
              : member,
          );
          const mirrored = new Set(members.map((member) => member.attribute).filter(Boolean));
          const attributes = (declaration.attributes ?? []).filter(
            (attribute) => !(attribute.fieldName && mirrored.has(attribute.name)),
          );
          return { ...declaration, members, attributes };
        }),
      })),
    ),
  };
}
