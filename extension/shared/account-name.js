// The longest account name, the same for the popup's field and the worker's check.
export const NAME_MAX = 32;
