-- Neovim smoke test (run by nvim.test.ts): a second real LSP client, headless. It starts the server, opens a
-- transcription, waits for diagnostics and asks for a hover, then writes what it saw as JSON.
dofile(os.getenv('EMEND_NVIM_HARNESS'))(function(buf, client_id, result)
  result.waited = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      code = d.code or lsp.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, message = d.message,
    })
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 1, character = 8 } }
  local resp, request_err = client.request_sync('textDocument/hover', params, 10000, buf)
  result.hover = resp and resp.result or vim.NIL
  result.hover_error = request_err or (resp and resp.err) or vim.NIL
  params.position = { line = 0, character = 0 }
  local plain = client.request_sync('textDocument/hover', params, 10000, buf)
  result.plain_hover = plain and plain.result or vim.NIL
end)
