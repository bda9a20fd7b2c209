import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import type services from '../services';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

export const getService = <TName extends keyof Services>(strapi: Core.Strapi, name: TName): Services[TName] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[TName];
