-- Driven by test/editors/neovim.test.ts: `nvim --headless --noplugin -n -i NONE -u nvim-probe.lua`.
-- Loads editors/neovim/xen-nfs-boot.lua exactly as a user would, opens the fixture's domU config and
-- dhcpd.conf, waits for the diagnostics the server publishes, asks for a hover, writes all of it to
-- $XNB_OUT as JSON and quits (exit 1 on any failure, with the error in the JSON).
local repo, site, out_file = os.getenv('XNB_REPO'), os.getenv('XNB_SITE'), os.getenv('XNB_OUT')
local out = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }

local function write()
  local f = assert(io.open(out_file, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
end

-- Raw LSP notifications, to assert on what the server sent, besides what Neovim shows.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return default_publish(err, result, ctx, config)
end

local function shown(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, message = d.message })
  end
  return list
end

local function open(rel)
  vim.cmd('edit ' .. vim.fn.fnameescape(site .. '/' .. rel))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  if not vim.wait(20000, function() return published[uri] ~= nil end, 20) then
    error('no diagnostics published for ' .. rel .. ' within 20 s')
  end
  return buf, uri
end

local function run()
  dofile(repo .. '/editors/neovim/xen-nfs-boot.lua').setup({
    cmd = { 'node', repo .. '/bin/xen-nfs-boot-language-server.js', '--stdio' },
  })
  vim.cmd('cd ' .. vim.fn.fnameescape(site))
  local dhcp_buf, dhcp_uri = open('etc/dhcp/dhcpd.conf')
  local xen_buf, xen_uri = open('etc/xen/domu1')
  out.clients = #vim.lsp.get_active_clients()
  out.files = {
    domu1 = { uri = xen_uri, published = published[xen_uri], shown = shown(xen_buf) },
    dhcpd = { uri = dhcp_uri, published = published[dhcp_uri], shown = shown(dhcp_buf) },
  }
  -- Hover on `kernel` (line 3 of the file, 0-based 2).
  local params = { textDocument = { uri = xen_uri }, position = { line = 2, character = 2 } }
  local responses = vim.lsp.buf_request_sync(xen_buf, 'textDocument/hover', params, 10000) or {}
  for _, r in pairs(responses) do out.hover = r.result or { error = r.err } end
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true, -- so that :edit fires the BufReadPost autocommand of the setup
  callback = function()
    local ok, err = pcall(run)
    if not ok then out.error = tostring(err) end
    write()
    vim.cmd(ok and 'qall!' or 'cquit! 1')
  end,
})
