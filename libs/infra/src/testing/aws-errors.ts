/** An AWS service error as the SDK throws it (`name` = the AWS error code). */
export function awsError(code: string, message: string, status = 400): Error {
  const error = new Error(message) as Error & { $fault: string; $metadata: { httpStatusCode: number } };
  error.name = code;
  error.$fault = status >= 500 ? 'server' : 'client';
  error.$metadata = { httpStatusCode: status };
  return error;
}

/** The error Node gives when the endpoint host of a region that does not exist cannot be resolved. */
export function dnsError(host: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host, syscall: 'getaddrinfo' });
}
