-- Drives Neovim's built-in LSP client against `ottl lsp`: opens a collector config that has a misspelt
-- function, then checks the diagnostic, a completion and a hover. Writes "OK ..." / "FAIL ..." lines to
-- $OTTL_LSP_OUT and exits non-zero on failure. Works with Neovim 0.7 and later.
local out = assert(io.open(os.getenv('OTTL_LSP_OUT'), 'w'))
local function log(s) out:write(s .. '\n'); out:flush() end
local function fail(msg) log('FAIL ' .. msg); out:close(); vim.cmd('cquit 1') end
local function ok(msg) log('OK ' .. msg) end

local cmd = vim.fn.json_decode(os.getenv('OTTL_LSP_CMD'))
local file = os.getenv('OTTL_LSP_FILE')
local line = tonumber(os.getenv('OTTL_LSP_LINE'))     -- 0-based line of the misspelt name
local col = tonumber(os.getenv('OTTL_LSP_COL'))       -- 0-based column where it starts

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'ottl', cmd = cmd, root_dir = vim.fn.fnamemodify(file, ':h') })
if not id then fail('the client did not start') end
vim.lsp.buf_attach_client(buf, id)

local function ottl_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'OTTL-E104' then table.insert(found, d) end
  end
  return found
end
if not vim.wait(90000, function() return #ottl_diagnostics() > 0 end, 100) then
  fail('no OTTL-E104 diagnostic within 90 s; got ' .. vim.inspect(vim.diagnostic.get(buf)))
end
local d = ottl_diagnostics()[1]
if d.lnum ~= line or d.col ~= col or d.end_col ~= col + #'Concatt' then
  fail('diagnostic at ' .. d.lnum .. ':' .. d.col .. '-' .. d.end_col .. ', expected ' .. line .. ':' .. col)
end
if not d.message:find('did you mean Concat', 1, true) then fail('message: ' .. d.message) end
ok('diagnostic OTTL-E104 ' .. d.lnum .. ':' .. d.col .. ' ' .. d.message)

local client = vim.lsp.get_client_by_id(id)
local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = col + 3 } }
local resp = client.request_sync('textDocument/completion', params, 30000, buf)
if not resp or resp.err then fail('completion: ' .. vim.inspect(resp)) end
local items = resp.result.items or resp.result
local labels = {}
for _, it in ipairs(items) do labels[it.label] = true end
if not labels['Concat'] then fail('completion lacks Concat: ' .. vim.inspect(vim.tbl_keys(labels))) end
ok('completion offers Concat among ' .. #items .. ' items')

-- the misspelt name has no docs: hover the path right after it, attributes
local hp = { textDocument = params.textDocument, position = { line = line, character = col + #'Concatt([' + 2 } }
local hover = client.request_sync('textDocument/hover', hp, 30000, buf)
if not hover or hover.err or not hover.result then fail('hover: ' .. vim.inspect(hover)) end
local value = hover.result.contents.value or ''
if not value:find('attributes', 1, true) then fail('hover text: ' .. value) end
ok('hover ' .. value:gsub('\n', ' '):sub(1, 80))

out:close()
vim.lsp.stop_client(id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd('qall!')
