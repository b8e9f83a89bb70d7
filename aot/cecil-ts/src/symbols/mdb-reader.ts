// placeholder replaced below
export function readMdb(_m: unknown, _d: Uint8Array): void {}
