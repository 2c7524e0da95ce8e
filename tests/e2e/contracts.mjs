// The contracts of the transaction-insight tests, deployed on anvil from its unlocked dev
// account #0: OpenZeppelin's prebuilt ERC-721 and ERC-1155 presets (4.9), Uniswap v2-core's
// EIP-2612 permit token (GPL: its bytecode is read from node_modules here, never copied into the
// repository), and small contracts compiled offline with solc-js: a token seller (takes tokens,
// pays ETH back), a contract that always reverts, and a Permit2-like contract placed at
// Permit2's canonical address with anvil_setCode.
import { createRequire } from 'node:module';
import { createWalletClient, http, getAddress } from 'viem';
import { foundry } from 'viem/chains';
import { DEPLOYER, deployToken } from './erc20.mjs';

const require = createRequire(import.meta.url);
const artifact = (name) => require(`@openzeppelin/contracts/build/contracts/${name}.json`);

/** Permit2's address on every chain it is deployed to. */
export const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

interface IERC20 { function transferFrom(address from, address to, uint256 amount) external returns (bool); }

/// Takes tokens from the caller and pays it 1 wei for every 1000 of the token's smallest units.
contract TokenSeller {
    receive() external payable {}

    function sell(address token, uint256 amount) external {
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "token transfer failed");
        (bool ok, ) = payable(msg.sender).call{value: amount / 1000}("");
        require(ok, "payment failed");
    }
}

/// Every call reverts: with a reason, without one, with a custom error.
contract Reverter {
    error Refused(uint256 code);

    function fail() external pure { revert("Keystead test: this call always fails"); }
    function failQuietly() external pure { revert(); }
    function failCustom() external pure { revert Refused(7); }
}

/// Permit2's approve and lockdown (AllowanceTransfer), enough for the window's tests.
contract Permit2Like {
    struct TokenSpenderPair { address token; address spender; }
    event Approval(address indexed owner, address indexed token, address indexed spender, uint160 amount, uint48 expiration);
    event Lockdown(address indexed owner, address token, address spender);
    mapping(address => mapping(address => mapping(address => uint160))) public allowance;

    function approve(address token, address spender, uint160 amount, uint48 expiration) external {
        allowance[msg.sender][token][spender] = amount;
        emit Approval(msg.sender, token, spender, amount, expiration);
    }

    function lockdown(TokenSpenderPair[] calldata approvals) external {
        for (uint256 i = 0; i < approvals.length; i++) {
            allowance[msg.sender][approvals[i].token][approvals[i].spender] = 0;
            emit Lockdown(msg.sender, approvals[i].token, approvals[i].spender);
        }
    }
}
`;

let compiled;
/** The test contracts compiled (once per process): name → { abi, bytecode, runtime }. */
export function testContracts() {
  if (compiled) return compiled;
  const solc = require('solc');
  const input = {
    language: 'Solidity',
    sources: { 'Insight.sol': { content: SOURCE } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  compiled = Object.fromEntries(Object.entries(output.contracts['Insight.sol']).map(([name, c]) => [name, {
    abi: c.abi, bytecode: `0x${c.evm.bytecode.object}`, runtime: `0x${c.evm.deployedBytecode.object}`,
  }]));
  return compiled;
}

function signer(chain) {
  return createWalletClient({ account: DEPLOYER, chain: { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } }, transport: http(chain.rpcUrl) });
}

async function mined(chain, hash, what) {
  const receipt = await chain.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${what} failed`);
  return receipt;
}

async function deploy(chain, { abi, bytecode }, args, what) {
  const hash = await signer(chain).deployContract({ abi, bytecode, args });
  return getAddress((await mined(chain, hash, `deploying ${what}`)).contractAddress);
}

async function write(chain, address, abi, functionName, args, what) {
  await mined(chain, await signer(chain).writeContract({ address, abi, functionName, args }), what);
}

/** OpenZeppelin's ERC721PresetMinterPauserAutoId; `mintTo(owner, n)` mints ids 0, 1, … */
export async function deployNft(chain, { name = 'Keystead Test NFTs', symbol = 'KNFT' } = {}) {
  const a = artifact('ERC721PresetMinterPauserAutoId');
  const address = await deploy(chain, a, [name, symbol, 'https://example.invalid/'], symbol);
  return {
    address,
    abi: a.abi,
    mintTo: async (owner, n = 1) => { for (let i = 0; i < n; i++) await write(chain, address, a.abi, 'mint', [owner], 'minting'); },
  };
}

/** OpenZeppelin's ERC1155PresetMinterPauser; `mint(owner, id, amount)`. */
export async function deployMultiToken(chain) {
  const a = artifact('ERC1155PresetMinterPauser');
  const address = await deploy(chain, a, ['https://example.invalid/{id}.json'], 'ERC-1155');
  return { address, abi: a.abi, mint: (owner, id, amount) => write(chain, address, a.abi, 'mint', [owner, id, amount, '0x'], 'minting') };
}

/** Uniswap v2-core's ERC20 ("Uniswap V2", UNI-V2, 18 decimals, EIP-2612 permit), `supply` to the deployer. */
export async function deployPermitToken(chain, supply = 10n ** 30n) {
  const a = require('@uniswap/v2-core/build/ERC20.json');
  const address = await deploy(chain, { abi: a.abi, bytecode: `0x${a.bytecode.replace(/^0x/, '')}` }, [supply], 'UNI-V2');
  return { address, abi: a.abi };
}

/** The token seller, holding `eth` wei to pay with. */
export async function deploySeller(chain, eth = 10n ** 20n) {
  const c = testContracts().TokenSeller;
  const address = await deploy(chain, c, [], 'TokenSeller');
  await chain.client.request({ method: 'anvil_setBalance', params: [address, `0x${eth.toString(16)}`] });
  return { address, abi: c.abi };
}

/** The always-reverting contract. */
export async function deployReverter(chain) {
  const c = testContracts().Reverter;
  return { address: await deploy(chain, c, [], 'Reverter'), abi: c.abi };
}

/** The Permit2-like contract's code at PERMIT2. */
export async function placePermit2(chain) {
  const c = testContracts().Permit2Like;
  await chain.client.request({ method: 'anvil_setCode', params: [PERMIT2, c.runtime] });
  return { address: PERMIT2, abi: c.abi };
}

/**
 * Every contract of the insight tests on `chain`: { token (KST, ERC-20, EIP-55 address), nft,
 * multi (ERC-1155), uni (the permit token), seller, reverter, permit2 }.
 */
export async function deployAll(chain) {
  return {
    token: getAddress(await deployToken(chain, { symbol: 'KST' })),
    nft: await deployNft(chain),
    multi: await deployMultiToken(chain),
    uni: await deployPermitToken(chain),
    seller: await deploySeller(chain),
    reverter: await deployReverter(chain),
    permit2: await placePermit2(chain),
  };
}
