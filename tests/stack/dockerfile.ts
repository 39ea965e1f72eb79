/** Reads the Dockerfile (with dockerfile-ast) into what the static checks compare. */

import { Copy, DockerfileParser } from 'dockerfile-ast';

/** A COPY instruction: where from (a stage, or the build context), its sources, its target. */
export interface CopyStep {
  stage: string;
  from?: string;
  sources: string[];
  target: string;
}

/** What the checks need of a Dockerfile. */
export interface DockerfileFacts {
  /** Build arguments declared before the first stage, with their defaults. */
  globalArgs: Record<string, string>;
  /** Stage name -> the image it starts from, as written (`${ARG}` left as is). */
  stages: Record<string, string>;
  copies: CopyStep[];
}

/** The facts of a Dockerfile's text. */
export function readDockerfile(text: string): DockerfileFacts {
  const dockerfile = DockerfileParser.parse(text);

  const globalArgs: Record<string, string> = {};
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property?.getName()) {
      globalArgs[property.getName()] = property.getValue() ?? '';
    }
  }

  const stages: Record<string, string> = {};
  const copies: CopyStep[] = [];
  for (const from of dockerfile.getFROMs()) {
    const stage = from.getBuildStage() ?? '';
    stages[stage] = from.getImage() ?? '';
  }
  let stage = '';
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const words = instruction.getArguments().map((a) => a.getValue());
    if (keyword === 'FROM') {
      stage = words[words.length - 1];
    } else if (instruction instanceof Copy) {
      const paths = words.filter((w) => !w.startsWith('--'));
      const from = instruction.getFromFlag()?.getValue() ?? undefined;
      copies.push({ stage, from, sources: paths.slice(0, -1), target: paths[paths.length - 1] });
    }
  }
  return { globalArgs, stages, copies };
}

/** An image reference with the Dockerfile's global build arguments filled in. */
export function resolveImage(image: string, args: Record<string, string>): string {
  return image.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced, bare) => args[braced ?? bare] ?? '');
}
