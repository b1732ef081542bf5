import { systemActor } from '../../platform/actor.js';

let counter = 0;

/** A number unique within the test process, for codes and names that must not collide. */
export function unique(): number {
  counter += 1;
  return counter;
}

/** The actor factories act as: the system, which every scope lets through (and audits). */
export const factoryActor = systemActor('factory');

/** The demo province's communes the factories use by default (Xã Tiến Hưng, Đồng Xoài). */
export const DEFAULT_COMMUNE = '25213';
