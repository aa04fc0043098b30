/** The part of @npmcli/arborist (which ships no types) that the inventory reads. */
declare module '@npmcli/arborist' {
  interface ArboristEdge {
    name: string;
    to: ArboristNode | null;
  }
  interface ArboristNode {
    location: string;
    path: string;
    name: string;
    packageName: string | null;
    version: string | null;
    isRoot: boolean;
    isLink: boolean;
    target: ArboristNode | null;
    dev: boolean;
    optional: boolean;
    extraneous: boolean;
    hasInstallScript: boolean;
    integrity: string | null;
    resolved: string | null;
    package: Record<string, unknown>;
    inventory: Map<string, ArboristNode>;
    edgesOut: Map<string, ArboristEdge>;
  }
  class Arborist {
    constructor(options: { path: string; [k: string]: unknown });
    loadActual(options?: Record<string, unknown>): Promise<ArboristNode>;
    loadVirtual(options?: Record<string, unknown>): Promise<ArboristNode>;
  }
  export default Arborist;
  export type { ArboristNode, ArboristEdge };
}
