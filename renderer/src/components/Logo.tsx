/** The mark: three goroutine lanes, one ending in a leak dot. */
export function Logo({ size = 40 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" className="logo-bg" />
      <path d="M7 10h13M7 16h8M7 22h18" className="logo-lanes" strokeWidth="3" strokeLinecap="round" />
      <circle cx="24.5" cy="10" r="3" className="logo-leak" />
    </svg>
  );
}
