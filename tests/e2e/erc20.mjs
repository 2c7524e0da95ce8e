// Real ERC-20 tokens for the end-to-end tests: OpenZeppelin's prebuilt ERC20PresetFixedSupply
// (@openzeppelin/contracts 4.9, 18 decimals, the whole supply minted to `owner`), deployed on
// anvil from one of its unlocked dev accounts.
import { createRequire } from 'node:module';
import { createWalletClient, http, erc20Abi, getAddress } from 'viem';
import { foundry } from 'viem/chains';

const require = createRequire(import.meta.url);
const ARTIFACT = require('@openzeppelin/contracts/build/contracts/ERC20PresetFixedSupply.json');

/** anvil's dev account #0 (unlocked: anvil signs its eth_sendTransaction). */
export const DEPLOYER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ERC20_ABI = erc20Abi;

/** A viem wallet client sending as DEPLOYER through `chain`'s anvil. */
export function signer(chain) {
  return createWalletClient({ account: DEPLOYER, chain: { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } }, transport: http(chain.rpcUrl) });
}

/** Deploys a token with `supply` (smallest units) owned by `owner`; returns its (EIP-55) address. */
export async function deployToken(chain, { name = 'Keystead Test Token', symbol = 'KST', supply = 10n ** 30n, owner = DEPLOYER } = {}) {
  const hash = await signer(chain).deployContract({ abi: ARTIFACT.abi, bytecode: ARTIFACT.bytecode, args: [name, symbol, supply, owner] });
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${symbol} failed`);
  return receipt.contractAddress;
}

/** Transfers `amount` of `token` from the deployer to `to`, mined; returns the receipt. */
export async function sendToken(chain, token, to, amount) {
  const hash = await signer(chain).writeContract({ address: token, abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error('the token transfer failed');
  return receipt;
}

/**
 * Deploys the ERC-20 of MetaMask's test dApp (HumanStandardToken: any decimals), loaded at test
 * time from @metamask/test-dapp's dist/constants.json; the supply goes to the deployer. Returns
 * its (EIP-55) address.
 */
export async function deployTestDappToken(chain, { name = 'Four Decimals', symbol = 'FOUR', decimals = 4, supply = 10n ** 12n } = {}) {
  const { hstAbi, hstBytecode } = require('@metamask/test-dapp/dist/constants.json');
  const hash = await signer(chain).deployContract({ abi: hstAbi, bytecode: hstBytecode, args: [supply, name, decimals, symbol] });
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${symbol} failed`);
  return getAddress(receipt.contractAddress);
}
