-- What every Neovim check shares (run through nvim.ts): open the transcription named by EMEND_DOC, start the Emend
-- server over stdio and attach it, run the check's body, stop the client, and write `result` as JSON to
-- EMEND_NVIM_OUT (with ok/error, so a Lua error becomes a test failure with its message), then quit.
return function(body)
  local result = {}
  local ok, err = pcall(function()
    local file = os.getenv('EMEND_DOC')
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local buf = vim.api.nvim_get_current_buf()
    local client_id = vim.lsp.start_client({
      name = 'emend',
      cmd = { os.getenv('EMEND_NODE'), os.getenv('EMEND_SERVER'), '--stdio' },
      root_dir = vim.fn.fnamemodify(file, ':h'),
    })
    vim.lsp.buf_attach_client(buf, client_id)
    body(buf, client_id, result)
    local client = vim.lsp.get_client_by_id(client_id)
    client.stop()
    result.stopped = vim.wait(5000, function() return client.is_stopped() end, 20)
  end)
  result.ok = ok
  result.error = (not ok) and tostring(err) or vim.NIL
  local f = io.open(os.getenv('EMEND_NVIM_OUT'), 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
