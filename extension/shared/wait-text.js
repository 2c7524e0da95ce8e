// A wait in words ("30 seconds", "4 minutes"), the same for the worker's refusal and the popup's countdown.
export function waitText(seconds) {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
