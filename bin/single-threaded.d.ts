// Types of bin/single-threaded.js (plain JavaScript: it runs before tsx is loaded).
export declare const LAUNCHER_ENV: string;
export declare function wantsSingleThreaded(args: readonly string[], execArgv?: readonly string[]): boolean;
export declare function launch(script: string, args: readonly string[]): Promise<number>;
export declare function followLauncher(): void;
