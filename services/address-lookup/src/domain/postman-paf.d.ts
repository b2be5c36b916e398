// postman-paf ships no type declarations: these are its one export, as its README and source
// (src/addressConversion.js, src/conversion-rules) describe it.
declare module 'postman-paf' {
  /** A PAF address under postman-paf's field names; absent fields left out. */
  export interface StructuredAddress {
    organisationName?: string;
    departmentName?: string;
    subBuildingName?: string;
    buildingName?: string;
    buildingNumber?: string;
    poBoxNumber?: string;
    dependentThoroughfareName?: string;
    thoroughfareName?: string;
    doubleDependentLocality?: string;
    dependentLocality?: string;
    postTown?: string;
    postcode?: string;
  }

  /** Up to five printable lines (line1 … line5, absent when unused) and the postcode. */
  export interface UnstructuredAddress {
    line1?: string;
    line2?: string;
    line3?: string;
    line4?: string;
    line5?: string;
    postcode?: string;
  }

  /** Applies Royal Mail's rules for formatting a PAF address for printing (Programmers' Guide, chapter 3). */
  export function convertStructuredToUnstructured(address: StructuredAddress): UnstructuredAddress;
}
