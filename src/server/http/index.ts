export { createHttpServer, type GraphHttpServer, type HttpServerOptions } from './create-http-server';
export { HttpError } from './http-error';
