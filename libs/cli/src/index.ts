export { EXIT, type ExitCode } from './exit-codes.js';
export { isDebug, processIo, type Io } from './io.js';
export { KIND_EXIT, SparkifyError, UsageError, type FailureKind, type Retry } from './sparkify-error.js';
export { toSparkifyError } from './to-sparkify-error.js';
export { describeFailure, reportFailure, type Failure, type FailureDocument } from './failure.js';
export { commanderExitCode, configureProgram, runProgram } from './run-program.js';
export { capturedIo, textSink, type CapturedIo } from './captured-io.js';
