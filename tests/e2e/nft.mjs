// Real ERC-721 NFTs for the end-to-end tests: OpenZeppelin's prebuilt
// ERC721PresetMinterPauserAutoId (@openzeppelin/contracts 4.9; token ids 0, 1, 2, … in mint
// order), deployed and minted on anvil from its unlocked dev account #0.
import { createRequire } from 'node:module';
import { getAddress } from 'viem';
import { signer } from './erc20.mjs';

const require = createRequire(import.meta.url);
const ARTIFACT = require('@openzeppelin/contracts/build/contracts/ERC721PresetMinterPauserAutoId.json');

async function mined(chain, hash, what) {
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${what} failed`);
  return receipt;
}

/** Deploys a collection; returns its (EIP-55) address. */
export async function deployNft(chain, { name = 'Keystead Test NFT', symbol = 'KNFT' } = {}) {
  const hash = await signer(chain).deployContract({ abi: ARTIFACT.abi, bytecode: ARTIFACT.bytecode, args: [name, symbol, 'https://nft.invalid/'] });
  return getAddress((await mined(chain, hash, `deploying ${symbol}`)).contractAddress);
}

/** Mints the collection's next token to `to` (ids count up from 0). */
export async function mintNft(chain, nft, to) {
  const hash = await signer(chain).writeContract({ address: nft, abi: ARTIFACT.abi, functionName: 'mint', args: [to] });
  await mined(chain, hash, 'minting');
}
