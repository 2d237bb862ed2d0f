/** One method as the checkout form shows it; money and times are formatted on the server. */
export type MethodOption = {
  method: "PICKUP" | "SAME_CITY" | "EXPRESS";
  available: boolean;
  feeText: string;
  promisedText: string | null;
  fromText: string | null;
  reason: string | null;
};

export type PickupStoreOption = {
  nodeId: string;
  code: string;
  name: string;
  distanceText: string | null;
  hasEverything: boolean;
};

export type DeliveryArea = {
  label: string;
  city: string;
  latitude: number;
  longitude: number;
};
