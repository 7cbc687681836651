export declare function findChromium(): string | undefined;
export declare function goVersion(): string | undefined;
export declare function missingPrerequisites(): string[];
