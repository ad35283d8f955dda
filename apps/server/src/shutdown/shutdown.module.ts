import { Global, Module } from '@nestjs/common';
import { RequestDrain } from './request-drain';

/** What a graceful stop needs inside the application: the count of requests in flight (see main.ts). */
@Global()
@Module({ providers: [RequestDrain], exports: [RequestDrain] })
export class ShutdownModule {}
