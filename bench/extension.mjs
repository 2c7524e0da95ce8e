// The extension's own timings: service-worker cold start (stop the worker over CDP → first dApp
// request answered) and popup open → interactive. The extension does not exist yet, so these
// rows are printed as "not measured yet". When it does, this module gets a `runInRunner(ctx)`
// that drives Chromium with the unpacked dist/ (see TOOLCHAIN.md) and returns the same row shape.
export const name = 'extension';

export const placeholders = [
  { op: 'service-worker cold start → first request answered', target: { underMs: 150 }, notMeasured: true },
  { op: 'popup open → interactive', target: { underMs: 200 }, notMeasured: true },
];
