-- xen-nfs-boot for Neovim 0.7 and later, without plugins (nvim-lspconfig is not needed).
-- Copy to ~/.config/nvim/lua/xen-nfs-boot.lua and call require('xen-nfs-boot').setup() from init.lua.
-- Starts `xen-nfs-boot-language-server --stdio` once per site (the folder holding xen-nfs-boot.json,
-- else the current directory) and attaches every file it checks to it.
local M = {}

M.patterns = {
  '*/xen/*', 'xl.cfg', '*/dhcpd*.conf', '*/exports', '*.exports', 'menu.lst', 'grub.conf', 'grub.cfg',
  '*/pxelinux.cfg/*', '*/boot/config-*', '.config', 'xen-nfs-boot.json',
}

local clients = {} -- site root -> client id

local function site_root(file)
  local topology = vim.fn.findfile('xen-nfs-boot.json', vim.fn.fnamemodify(file, ':p:h') .. ';')
  return topology ~= '' and vim.fn.fnamemodify(topology, ':p:h') or vim.fn.getcwd()
end

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'xen-nfs-boot-language-server', '--stdio' }
  vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
    group = vim.api.nvim_create_augroup('xen-nfs-boot', { clear = true }),
    pattern = M.patterns,
    callback = function(args)
      local root = opts.root_dir or site_root(args.file)
      if not clients[root] or vim.lsp.client_is_stopped(clients[root]) then
        clients[root] = vim.lsp.start_client({ name = 'xen-nfs-boot', cmd = cmd, root_dir = root })
      end
      if clients[root] then vim.lsp.buf_attach_client(args.buf, clients[root]) end
    end,
  })
end

return M
