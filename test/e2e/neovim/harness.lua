-- Neovim (0.7.2, headless) as a second LSP client of the built server: diagnostics, a quick fix, a hover
-- and a setting that turns a rule off, all read back through Neovim's own LSP client.
-- Run by test/e2e/neovim/suite.ts with LEONARDO_SERVER (dist/server.js), LEONARDO_WORKSPACE (a copy of the
-- fixtures) and LEONARDO_EXPECTED (test/e2e/fixtures/expected.ts as JSON):
--      nvim --headless --clean -c 'luafile test/e2e/neovim/harness.lua'
-- Prints one `PASS <scenario> (<ms> ms)` or `FAIL <scenario>: <why>` line per scenario, exits 1 on any failure.

local SERVER = assert(os.getenv('LEONARDO_SERVER'), 'LEONARDO_SERVER is not set')
local WORKSPACE = assert(os.getenv('LEONARDO_WORKSPACE'), 'LEONARDO_WORKSPACE is not set')
local EXPECTED = vim.json.decode((assert(os.getenv('LEONARDO_EXPECTED'), 'LEONARDO_EXPECTED is not set')))
local TIMEOUT = tonumber(os.getenv('LEONARDO_TIMEOUT_MS') or '') or 15000

local function out(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local failures = 0

-- The LSP diagnostics exactly as the server published them, per URI (code actions need their `data`).
local published = {}
local function on_publish(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
end

local settings = { leonardoLint = { enable = true, run = 'onType', rules = {} } }
local client_id = vim.lsp.start_client({
  name = 'leonardo-lint',
  cmd = { 'node', SERVER, '--stdio' },
  root_dir = WORKSPACE,
  settings = settings,
  handlers = { ['textDocument/publishDiagnostics'] = on_publish },
  on_exit = function(code, signal)
    if code ~= 0 then out(('LOG server exited with code %d, signal %d'):format(code, signal)) end
  end,
})
assert(client_id, 'vim.lsp.start_client returned nil')

local function client()
  return assert(vim.lsp.get_client_by_id(client_id), 'the server is not running')
end

--- Waits until `predicate()` is truthy; errors with `what` after the timeout.
local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT, predicate, 20) then error(('timed out after %d ms waiting for %s'):format(TIMEOUT, what), 0) end
end

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(WORKSPACE .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  return buf
end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'leonardo-lint' then table.insert(list, tostring(d.code)) end
  end
  table.sort(list)
  return list
end

local function has_code(buf, code)
  return vim.tbl_contains(codes(buf), code)
end

--- The 0-based line and UTF-16 column of the first occurrence of `needle` in the buffer.
local function position_of(buf, needle)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then return { line = lnum - 1, character = vim.str_utfindex(line, col - 1) } end
  end
  error(('%q is not in the buffer'):format(needle), 0)
end

local function text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local function expect_codes(buf, expected)
  table.sort(expected)
  wait_for('diagnostics ' .. table.concat(expected, ', '), function()
    return vim.deep_equal(codes(buf), expected)
  end)
end

--- The rule ids of `problems` (entries of EXPECTED), less `without`.
local function rule_ids(problems, without)
  local ids = {}
  for _, p in ipairs(problems) do
    if p.ruleId ~= without then table.insert(ids, p.ruleId) end
  end
  return ids
end

--- Each expected problem's text is in the message of a diagnostic with its rule id.
local function expect_messages(buf, problems)
  for _, p in ipairs(problems) do
    local found = vim.tbl_filter(function(d)
      return d.code == p.ruleId and d.message:find(p.text, 1, true) ~= nil
    end, vim.diagnostic.get(buf))
    assert(#found == 1, ('no %s diagnostic mentions %q'):format(p.ruleId, p.text))
  end
end

local function scenario(name, fn)
  local started = vim.loop.hrtime()
  local ok, err = pcall(fn)
  local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  if ok then
    out(('PASS %s (%d ms)'):format(name, ms))
  else
    failures = failures + 1
    out(('FAIL %s: %s'):format(name, tostring(err):gsub('\n', ' ')))
    out('LOG diagnostics now: ' .. table.concat(codes(vim.api.nvim_get_current_buf()), ', '))
  end
end

local json_buf, ts_buf

scenario('neovim: diagnostics in a JSON request file', function()
  json_buf = open(EXPECTED.jsonFile)
  expect_codes(json_buf, rule_ids(EXPECTED.jsonProblems))
  expect_messages(json_buf, EXPECTED.jsonProblems)
  local unknown = vim.tbl_filter(function(d) return d.code == 'unknown-field' end, vim.diagnostic.get(json_buf))[1]
  assert(unknown.lnum == 2, 'unknown-field is on line ' .. (unknown.lnum + 1) .. ', expected line 3')
  assert(unknown.severity == vim.diagnostic.severity.ERROR, 'unknown-field is not an error')
end)

scenario('neovim: diagnostics in a TypeScript fetch call', function()
  ts_buf = open(EXPECTED.tsFile)
  expect_codes(ts_buf, rule_ids(EXPECTED.tsProblems))
  expect_messages(ts_buf, EXPECTED.tsProblems)
end)

scenario('neovim: hover on a request field shows its documentation', function()
  vim.api.nvim_set_current_buf(json_buf)
  local params = { textDocument = vim.lsp.util.make_text_document_params(json_buf), position = position_of(json_buf, 'width') }
  local responses = vim.lsp.buf_request_sync(json_buf, 'textDocument/hover', params, TIMEOUT) or {}
  local response = responses[client_id]
  assert(response and response.result, 'no hover: ' .. vim.inspect(response))
  local lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
  local markdown = table.concat(lines, '\n')
  for _, words in ipairs(EXPECTED.widthHover) do
    assert(markdown:lower():find(words, 1, true), ('the hover does not mention %q: %s'):format(words, markdown))
  end
end)

scenario('neovim: the preferred quick fix renames sd_Version and its diagnostic goes', function()
  vim.api.nvim_set_current_buf(json_buf)
  local uri = vim.uri_from_bufnr(json_buf)
  local diagnostic = vim.tbl_filter(function(d) return d.code == 'unknown-field' end, published[uri] or {})[1]
  assert(diagnostic, 'the server published no unknown-field diagnostic')
  local params = {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(json_buf, 'textDocument/codeAction', params, TIMEOUT) or {}
  local actions = (responses[client_id] or {}).result or {}
  local preferred = vim.tbl_filter(function(a) return a.isPreferred and a.edit end, actions)[1]
  assert(preferred, 'no preferred quick fix with an edit among ' .. #actions .. ' actions')
  vim.lsp.util.apply_workspace_edit(preferred.edit, client().offset_encoding)
  local after = text(json_buf)
  assert(after:find('"sd_version"', 1, true) and not after:find('"sd_Version"', 1, true), 'the text did not change: ' .. after)
  expect_codes(json_buf, rule_ids(EXPECTED.jsonProblems, 'unknown-field'))
end)

scenario('neovim: a rule turned off in the settings loses its diagnostics', function()
  vim.api.nvim_set_current_buf(ts_buf)
  assert(has_code(ts_buf, 'unknown-field'), 'no unknown-field diagnostic to turn off')
  settings.leonardoLint.rules = { ['unknown-field'] = 'off' }
  client().config.settings = settings -- what Neovim answers workspace/configuration with
  client().notify('workspace/didChangeConfiguration', { settings = settings })
  expect_codes(ts_buf, rule_ids(EXPECTED.tsProblems, 'unknown-field'))
end)

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd(failures == 0 and 'qa!' or 'cquit 1')
