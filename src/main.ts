// Entry point: `node src/main.ts COMMAND …` (npm start runs `serve`).
import { main } from './cli/main.ts';

const code = await main(process.argv.slice(2));
// serve never resolves; every other command ends here with its exit code.
process.exitCode = code;
