// The drivers' command line and environment knobs.
const argv = process.argv.slice(2);

export const args = argv;
export const flag = (name) => argv.includes(name);
/** Every value given after `name`, in order. */
export const options = (name) => argv.flatMap((a, i) => (a === name ? [argv[i + 1]] : []));
/** The last value given after `name` (so options appended by a ci script override its defaults), else `fallback`. */
export const option = (name, fallback) => options(name).at(-1) ?? fallback;
/** A number from the environment, else `fallback`. */
export const envNumber = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
