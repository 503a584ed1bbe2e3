import { child, childrenOf, textOf, type XmlNode } from './xml-subtrees.ts';

/**
 * One `entity` of the Sanctions List Service ENHANCED_XML schema (SDN_ENHANCED.XML, CONS_ENHANCED.XML).
 * Country references are resolved to ISO codes here, from the file's own `referenceValues`, so each record is
 * complete on its own.
 */
export interface EnhancedEntity {
  id: string | undefined;
  entityType?: string;
  remarks?: string;
  programs: string[];
  lists: string[];
  names: EnhancedName[];
  addresses: EnhancedAddress[];
  features: EnhancedFeature[];
  documents: EnhancedDocument[];
}

export interface EnhancedName {
  isPrimary: boolean;
  aliasType?: string;
  isLowQuality: boolean;
  translations: { isPrimary: boolean; script?: string; fullName: string }[];
}

export interface EnhancedAddress {
  country?: string;
  countryIso?: string;
  parts: { type: string; value: string }[];
}

export interface EnhancedFeature {
  type: string;
  value?: string;
  valueIso?: string;
}

export interface EnhancedDocument {
  type: string;
  number: string;
  issuingCountry?: string;
  issuingCountryIso?: string;
}

/** refId → ISO alpha-2, from `referenceValue` elements of type COUNTRY. */
export type CountryRefs = Map<string, string>;

export function addCountryRef(refs: CountryRefs, node: XmlNode): void {
  const iso = textOf(node, 'isoCode');
  const ref = node.attrs.refId;
  if (textOf(node, 'type') === 'COUNTRY' && iso && ref) refs.set(ref, iso.toUpperCase());
}

const isTrue = (node: XmlNode, name: string) => textOf(node, name)?.toLowerCase() === 'true';

function iso(refs: CountryRefs, ref: string | undefined): Record<string, string> {
  const code = ref ? refs.get(ref) : undefined;
  return code ? { iso: code } : {};
}

function name(node: XmlNode): EnhancedName {
  const aliasType = textOf(node, 'aliasType');
  return {
    isPrimary: isTrue(node, 'isPrimary'),
    ...(aliasType ? { aliasType } : {}),
    isLowQuality: isTrue(node, 'isLowQuality'),
    translations: childrenOf(child(node, 'translations'), 'translation').flatMap((t) => {
      const fullName = textOf(t, 'formattedFullName');
      const script = textOf(t, 'script');
      return fullName ? [{ isPrimary: isTrue(t, 'isPrimary'), ...(script ? { script } : {}), fullName }] : [];
    }),
  };
}

function address(node: XmlNode, refs: CountryRefs): EnhancedAddress {
  const country = child(node, 'country');
  const code = iso(refs, country?.attrs.refId).iso;
  const translation = childrenOf(child(node, 'translations'), 'translation')[0];
  const parts = childrenOf(child(translation ?? node, 'addressParts'), 'addressPart').flatMap((p) => {
    const type = textOf(p, 'type');
    const value = textOf(p, 'value');
    return type && value ? [{ type, value }] : [];
  });
  return {
    ...(country?.text.trim() ? { country: country.text.trim() } : {}),
    ...(code ? { countryIso: code } : {}),
    parts,
  };
}

function feature(node: XmlNode, refs: CountryRefs): EnhancedFeature | undefined {
  const type = textOf(node, 'type');
  if (!type) return undefined;
  const value = textOf(node, 'value');
  const code = iso(refs, textOf(node, 'valueRefId')).iso;
  return { type, ...(value ? { value } : {}), ...(code ? { valueIso: code } : {}) };
}

function document(node: XmlNode, refs: CountryRefs): EnhancedDocument | undefined {
  const type = textOf(node, 'type');
  const number = textOf(node, 'documentNumber');
  if (!type || !number) return undefined;
  const country = child(node, 'issuingCountry');
  const code = iso(refs, country?.attrs.refId).iso;
  const issuing = country?.text.trim();
  return {
    type,
    number,
    ...(issuing ? { issuingCountry: issuing } : {}),
    ...(code ? { issuingCountryIso: code } : {}),
  };
}

export function toEnhancedEntity(node: XmlNode, refs: CountryRefs): EnhancedEntity {
  const general = child(node, 'generalInfo');
  const entityType = textOf(general, 'entityType');
  const remarks = textOf(general, 'remarks');
  return {
    id: node.attrs.id,
    ...(entityType ? { entityType } : {}),
    ...(remarks ? { remarks } : {}),
    programs: childrenOf(child(node, 'sanctionsPrograms'), 'sanctionsProgram').map((p) => p.text.trim()),
    lists: childrenOf(child(node, 'sanctionsLists'), 'sanctionsList').map((p) => p.text.trim()),
    names: childrenOf(child(node, 'names'), 'name').map(name),
    addresses: childrenOf(child(node, 'addresses'), 'address').map((a) => address(a, refs)),
    features: childrenOf(child(node, 'features'), 'feature').flatMap((f) => feature(f, refs) ?? []),
    documents: childrenOf(child(node, 'identityDocuments'), 'identityDocument').flatMap(
      (d) => document(d, refs) ?? [],
    ),
  };
}
