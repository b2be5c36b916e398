/** The GB gas market's vocabulary, written once for every service and the tooling. */
export {};
