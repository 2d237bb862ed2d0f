// One file per namespace and language, so features own their messages. Add a namespace here.
import en_common from "./en/common.json";
import en_errors from "./en/errors.json";
import en_auth from "./en/auth.json";
import en_shop from "./en/shop.json";
import en_employee from "./en/employee.json";
import en_store from "./en/store.json";
import en_admin from "./en/admin.json";
import en_catalogue from "./en/catalogue.json";
import en_cart from "./en/cart.json";
import en_checkout from "./en/checkout.json";
import en_orders from "./en/orders.json";
import en_account from "./en/account.json";
import en_fulfilment from "./en/fulfilment.json";
import en_routing from "./en/routing.json";
import en_payments from "./en/payments.json";
import en_stock from "./en/stock.json";
import en_products from "./en/products.json";
import en_allocation from "./en/allocation.json";
import en_settlement from "./en/settlement.json";
import en_returns from "./en/returns.json";
import en_exchange from "./en/exchange.json";
import en_transfers from "./en/transfers.json";
import en_inventory from "./en/inventory.json";
import en_suggestions from "./en/suggestions.json";
import zh_common from "./zh-CN/common.json";
import zh_errors from "./zh-CN/errors.json";
import zh_auth from "./zh-CN/auth.json";
import zh_shop from "./zh-CN/shop.json";
import zh_employee from "./zh-CN/employee.json";
import zh_store from "./zh-CN/store.json";
import zh_admin from "./zh-CN/admin.json";
import zh_catalogue from "./zh-CN/catalogue.json";
import zh_cart from "./zh-CN/cart.json";
import zh_checkout from "./zh-CN/checkout.json";
import zh_orders from "./zh-CN/orders.json";
import zh_account from "./zh-CN/account.json";
import zh_fulfilment from "./zh-CN/fulfilment.json";
import zh_routing from "./zh-CN/routing.json";
import zh_payments from "./zh-CN/payments.json";
import zh_stock from "./zh-CN/stock.json";
import zh_products from "./zh-CN/products.json";
import zh_allocation from "./zh-CN/allocation.json";
import zh_settlement from "./zh-CN/settlement.json";
import zh_returns from "./zh-CN/returns.json";
import zh_exchange from "./zh-CN/exchange.json";
import zh_transfers from "./zh-CN/transfers.json";
import zh_inventory from "./zh-CN/inventory.json";
import zh_suggestions from "./zh-CN/suggestions.json";

export const NAMESPACES = [
  "common",
  "errors",
  "auth",
  "shop",
  "employee",
  "store",
  "admin",
  "catalogue",
  "cart",
  "checkout",
  "orders",
  "account",
  "fulfilment",
  "routing",
  "payments",
  "allocation",
  "products",
  "stock",
  "settlement",
  "returns",
  "exchange",
  "transfers",
  "inventory",
  "suggestions",
] as const;

const en = {
  common: en_common,
  errors: en_errors,
  auth: en_auth,
  shop: en_shop,
  employee: en_employee,
  store: en_store,
  admin: en_admin,
  catalogue: en_catalogue,
  cart: en_cart,
  checkout: en_checkout,
  orders: en_orders,
  account: en_account,
  fulfilment: en_fulfilment,
  routing: en_routing,
  payments: en_payments,
  allocation: en_allocation,
  products: en_products,
  stock: en_stock,
  settlement: en_settlement,
  returns: en_returns,
  exchange: en_exchange,
  transfers: en_transfers,
  inventory: en_inventory,
  suggestions: en_suggestions,
};
const zh = {
  common: zh_common,
  errors: zh_errors,
  auth: zh_auth,
  shop: zh_shop,
  employee: zh_employee,
  store: zh_store,
  admin: zh_admin,
  catalogue: zh_catalogue,
  cart: zh_cart,
  checkout: zh_checkout,
  orders: zh_orders,
  account: zh_account,
  fulfilment: zh_fulfilment,
  routing: zh_routing,
  payments: zh_payments,
  allocation: zh_allocation,
  products: zh_products,
  stock: zh_stock,
  settlement: zh_settlement,
  returns: zh_returns,
  exchange: zh_exchange,
  transfers: zh_transfers,
  inventory: zh_inventory,
  suggestions: zh_suggestions,
};

export const MESSAGES = { en, "zh-CN": zh } as const;
export type Namespace = (typeof NAMESPACES)[number];
