/** Types of scripts/after-pack.mjs, for the tests that import it. */
export declare const UNPACKED_ADDON: string[]
export declare function afterPack(context: unknown): Promise<void>
export default afterPack
