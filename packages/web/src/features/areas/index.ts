// The areas feature's public surface for other features: the area code field of their forms and filters.
export { AreaCodeInput, isAreaCode } from './AreaCodeInput';
