-- wrk script: POST /inventory/issues with a distinct, valid body per request (and, when asked, a distinct
-- Idempotency-Key). Environment: TP_DEPOT, TP_ITEM, TP_UNIT (ids), TP_AUTH (user:password),
-- TP_KEYS=1 to send keys, TP_RUN (a run label that keeps keys distinct between runs).
local depot, item, unit = os.getenv("TP_DEPOT"), os.getenv("TP_ITEM"), os.getenv("TP_UNIT")
local keys = os.getenv("TP_KEYS") == "1"
local run = os.getenv("TP_RUN") or tostring(os.time())
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  n = 0
  statuses = {}
  local auth = os.getenv("TP_AUTH") or "admin:demo"
  wrk.headers["Authorization"] = "Basic " .. base64(auth)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local doc = "BENCH-" .. run .. "-" .. tid .. "-" .. n
  local body = '{"depotId":' .. depot .. ',"itemId":' .. item .. ',"quantity":1,"orgUnitId":' .. unit
      .. ',"sourceDocument":"' .. doc .. '"}'
  if keys then
    -- wrk.format takes these headers instead of wrk.headers, not in addition to them
    local headers = { ["Idempotency-Key"] = doc }
    for k, v in pairs(wrk.headers) do headers[k] = v end
    return wrk.format("POST", nil, headers, body)
  end
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do all[k] = (all[k] or 0) + v end
  end
  for k, v in pairs(all) do io.write(string.format("status %d: %d\n", k, v)) end
end

function base64(s)
  local b = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
  return ((s:gsub(".", function(x)
    local r, byte = "", x:byte()
    for i = 8, 1, -1 do r = r .. (byte % 2 ^ i - byte % 2 ^ (i - 1) > 0 and "1" or "0") end
    return r
  end) .. "0000"):gsub("%d%d%d?%d?%d?%d?", function(x)
    if #x < 6 then return "" end
    local c = 0
    for i = 1, 6 do c = c + (x:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return b:sub(c + 1, c + 1)
  end) .. ({ "", "==", "=" })[#s % 3 + 1])
end
