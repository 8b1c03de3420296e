-- Neovim check of the editor requests (run by nvim-outline.test.ts): a second real LSP client asks for the outline
-- (textDocument/documentSymbol), the folding ranges and a custom request (emend/toggleMark), and writes what it got
-- as JSON.
dofile(os.getenv('EMEND_NVIM_HARNESS'))(function(buf, client_id, result)
  result.attached = vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 20)
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(buf)
  local symbols = client.request_sync('textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000, buf)
  result.symbols = symbols and symbols.result or vim.NIL
  local folds = client.request_sync('textDocument/foldingRange', { textDocument = { uri = uri } }, 10000, buf)
  result.folds = folds and folds.result or vim.NIL
  local toggle = client.request_sync('emend/toggleMark', {
    uri = uri, version = vim.lsp.util.buf_versions[buf],
    range = { start = { line = 3, character = 0 }, ['end'] = { line = 3, character = 4 } }, kind = 'del',
  }, 10000, buf)
  result.toggle = toggle and toggle.result or vim.NIL
end)
